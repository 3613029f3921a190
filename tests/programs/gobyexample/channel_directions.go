// Go by Example "Channel Directions": send-only and receive-only channel parameters.
package main

import "fmt"

func ping(pings chan<- string, msg string) {
	pings <- msg
}

func pong(pings <-chan string, pongs chan<- string) {
	msg := <-pings
	pongs <- msg + " (passed on)"
}

func main() {
	pings := make(chan string, 1)
	pongs := make(chan string, 1)
	ping(pings, "a message")
	pong(pings, pongs)
	fmt.Println(<-pongs)
}

// Output:
// a message (passed on)
