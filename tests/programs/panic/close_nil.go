// Panic: closing a nil channel.
package main

func main() {
	var ch chan bool
	close(ch)
}

// Exit: 2
// Stderr contains:
// panic: close of nil channel
// goroutine 1 [running]:
// main.main
// main.go:6
// Output:
