// Go by Example "Channel Buffering": two sends fit in the buffer without a receiver.
package main

import "fmt"

func main() {
	messages := make(chan string, 2)
	messages <- "buffered"
	messages <- "channel"
	fmt.Println(<-messages)
	fmt.Println(<-messages)
}

// Output:
// buffered
// channel
