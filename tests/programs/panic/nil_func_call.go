// Panic: calling a nil function value.
package main

import "fmt"

func main() {
	var f func(int) int
	fmt.Println("f is nil:", f == nil)
	fmt.Println(f(1))
}

// Exit: 2
// Stderr contains:
// panic: runtime error: invalid memory address or nil pointer dereference
// [signal SIGSEGV: segmentation violation
// goroutine 1 [running]:
// main.main
// main.go:9
// Output:
// f is nil: true
