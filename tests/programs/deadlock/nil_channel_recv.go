// Deadlock: receiving from a nil channel blocks forever.
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("nil channel:", ch == nil)
	<-ch
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan receive (nil chan)]:
// main.main
// main.go:9
// Output:
// nil channel: true
