package main

import "fmt"

func main() {
	s := "x"
	b := true
	fmt.Println(-s, !s, ^b, &3)
	p := 5
	fmt.Println(*p)
}
// Errors:
// main.go:8:15: invalid operation: operator - not defined on s (variable of type string)
// main.go:8:19: invalid operation: operator ! not defined on s (variable of type string)
// main.go:8:23: invalid operation: operator ^ not defined on b (variable of type bool)
// main.go:8:27: invalid operation: cannot take address of 3 (untyped int constant)
// main.go:10:15: invalid operation: cannot indirect p (variable of type int)
