package main

import "fmt"

func compute() int {
	go func() {
		return 42
	}()
	return 0
}

func main() {
	fmt.Println(compute())
}
// Errors:
// main.go:7:10: too many return values
// 	have (number)
// 	want ()
