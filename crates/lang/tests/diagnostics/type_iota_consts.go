package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

const bad = iota + "x"

func main() {
	var c Color = Green
	var i int = c
	fmt.Println(c, i, Blue, iota)
}
// Errors:
// main.go:13:13: invalid operation: iota + "x" (mismatched types untyped int and untyped string)
// main.go:17:14: cannot use c (variable of type Color) as int value in variable declaration
// main.go:18:26: cannot use iota outside constant declaration
