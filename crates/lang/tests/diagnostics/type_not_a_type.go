package main

import "fmt"

func main() {
	x := 1
	var y x
	var z fmt
	fmt.Println(y, z)
}
// Errors:
// main.go:7:8: x is not a type
// main.go:8:8: fmt is not a type
