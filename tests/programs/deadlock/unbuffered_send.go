// Deadlock: main sends on an unbuffered channel that nobody receives from.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("sending")
	ch <- 1
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan send]:
// main.main
// main.go:9
// Output:
// sending
