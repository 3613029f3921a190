// Fatal error: unbounded recursion grows the goroutine stack to the 1 GB limit.
package main

import "fmt"

func depth(n int) int {
	return depth(n+1) + 1
}

func main() {
	fmt.Println("recursing")
	fmt.Println(depth(0))
}

// Exit: 2
// Stderr contains:
// runtime: goroutine stack exceeds 1000000000-byte limit
// fatal error: stack overflow
// main.depth
// main.go:6
// [running]:
// Output:
// recursing
