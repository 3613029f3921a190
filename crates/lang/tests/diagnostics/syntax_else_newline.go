package main

import "fmt"

func main() {
	x := 3
	if x > 2 {
		fmt.Println("big")
	}
	else {
		fmt.Println("small")
	}
}
// Errors:
// main.go:10:2: syntax error: unexpected else, expected }
