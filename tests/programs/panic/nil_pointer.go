// Panic: dereferencing a nil pointer is reported as a runtime error after a SIGSEGV.
package main

import "fmt"

type Node struct {
	Value int
	Next  *Node
}

func main() {
	n := &Node{Value: 1}
	fmt.Println("first:", n.Value)
	fmt.Println("second:", n.Next.Value)
}

// Exit: 2
// Stderr contains:
// panic: runtime error: invalid memory address or nil pointer dereference
// [signal SIGSEGV: segmentation violation
// goroutine 1 [running]:
// main.main
// main.go:14
// Output:
// first: 1
