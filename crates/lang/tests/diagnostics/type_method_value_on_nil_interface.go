package main

import "fmt"

type Greeter interface{ Greet() string }

func main() {
	var g *Greeter
	fmt.Println(g.Greet())
}
// Errors:
// main.go:9:16: g.Greet undefined (type *Greeter is pointer to interface, not interface)
