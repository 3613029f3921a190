// Deadlock: main receives from a channel that nobody sends on.
package main

import "fmt"

func main() {
	ch := make(chan string)
	fmt.Println("waiting")
	msg := <-ch
	fmt.Println(msg)
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan receive]:
// main.main
// main.go:9
// Output:
// waiting
