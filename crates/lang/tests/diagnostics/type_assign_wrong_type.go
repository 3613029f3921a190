package main

import "fmt"

func main() {
	var n int
	n = "hello"
	var s string = 42
	fmt.Println(n, s)
}
// Errors:
// main.go:7:6: cannot use "hello" (untyped string constant) as int value in assignment
// main.go:8:17: cannot use 42 (untyped int constant) as string value in variable declaration
