package main

import "fmt"

func main() {
	x := 1
	if x = 2 {
		fmt.Println(x)
	}
}
// Errors:
// main.go:7:7: syntax error: cannot use assignment x = 2 as value
