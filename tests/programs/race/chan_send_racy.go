// Race: a write made after the send is not ordered with the receiver's later read.
package main

import (
	"fmt"
	"sync"
)

var data string
var sink string

func main() {
	c := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c <- 1
		data = "hello"
	}()
	<-c
	sink = data
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 19 22
// Output:
// done
