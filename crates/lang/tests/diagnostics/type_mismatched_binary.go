package main

import "fmt"

func main() {
	n := 3
	s := "x"
	fmt.Println(n + s)
	var f float64 = 1.5
	fmt.Println(n * f)
}
// Errors:
// main.go:8:14: invalid operation: n + s (mismatched types int and string)
// main.go:10:14: invalid operation: n * f (mismatched types int and float64)
