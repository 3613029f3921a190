// Panic: closing a channel twice.
package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	fmt.Println("closed once")
	close(ch)
}

// Exit: 2
// Stderr contains:
// panic: close of closed channel
// goroutine 1 [running]:
// main.main
// main.go:10
// Output:
// closed once
