package main

import "fmt"

x := 1

func main() {
	fmt.Println(x)
}
// Errors:
// main.go:5:1: syntax error: non-declaration statement outside function body
