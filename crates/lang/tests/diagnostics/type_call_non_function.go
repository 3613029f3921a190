package main

import "fmt"

func main() {
	x := 3
	x()
	fmt.Println("a")()
}
// Errors:
// main.go:7:2: invalid operation: cannot call non-function x (variable of type int)
// main.go:8:2: multiple-value fmt.Println("a") (value of type (n int, err error)) in single-value context
