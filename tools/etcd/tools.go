//go:build tools

// Package tools names the command ../apiserver/build.sh compiles: the root package of
// go.etcd.io/etcd/server/v3 is etcd's main.
package tools

import _ "go.etcd.io/etcd/server/v3"
