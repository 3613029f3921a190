// Race: the same program with a buffered channel: the send completes without waiting for
// the receive, so the sender's read is not ordered with the receiver's write.
package main

import (
	"fmt"
	"sync"
)

var data int
var sink int

func main() {
	c := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		data = 99
		<-c
	}()
	c <- 0
	sink = data
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 19 23
// Output:
// done
