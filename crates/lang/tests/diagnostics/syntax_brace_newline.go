package main

import "fmt"

func main()
{
	fmt.Println("hi")
}
// Errors:
// main.go:6:1: syntax error: unexpected semicolon or newline before {
