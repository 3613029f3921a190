// Differs from Go: the go command reports missing packages in its own words
// (which depend on GOPATH or module mode); the playground names what it
// does not provide. As with the go command, nothing else is reported.
package main

import (
	"fmt"
	"net"
	"github.com/foo/bar"
)

func main() {
	fmt.Println(net.Dial, bar.X)
}
// Errors:
// main.go:8:2: package net is not supported by the playground
// main.go:9:2: package github.com/foo/bar is not in std
