// Deadlock: sending on a nil channel blocks forever.
package main

func main() {
	var ch chan string
	ch <- "lost"
}

// Exit: 2
// Stderr contains:
// fatal error: all goroutines are asleep - deadlock!
// goroutine 1 [chan send (nil chan)]:
// main.main
// main.go:6
// Output:
