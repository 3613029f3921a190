package main

import "fmt"

func main() {
	a := 1
	a := 2
	b, a := 3, 4
	fmt.Println(a, b)
}
// Errors:
// main.go:7:4: no new variables on left side of :=
