/**
 * A JSON number as kube-apiserver's YAML writes it. go-yaml reads the number's JSON text
 * as an int when strconv.ParseInt or ParseUint take it (64 bits), otherwise as a float64,
 * which it prints with strconv.FormatFloat(f, 'g', -1, 64): shortest digits, and an
 * exponent of at least two digits when it is below -4 or 6 and above ("1e+06").
 */
export function goYamlNumber(value: number): string {
  const json = JSON.stringify(value);
  if (/^-?[0-9]+$/.test(json)) {
    const integer = BigInt(json);
    if (integer >= -(2n ** 63n) && integer < 2n ** 64n) return integer.toString();
  }
  return goFormatFloatG(value);
}

function goFormatFloatG(value: number): string {
  const [mantissa = '', exponentText = ''] = value.toExponential().split('e');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits.charAt(0)}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
