package main

import "fmt"

func main() {
	x := nil
	var n int = nil
	fmt.Println(x, n)
	if n == nil {
	}
}
// Errors:
// main.go:6:7: use of untyped nil in assignment
// main.go:7:14: cannot use nil as int value in variable declaration
// main.go:9:10: invalid operation: n == nil (mismatched types int and untyped nil)
