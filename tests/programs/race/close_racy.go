// Race: a write made after close is not ordered with the receiver that saw the close.
package main

import (
	"fmt"
	"sync"
)

var data int
var sink int

func main() {
	c := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		close(c)
		data = 7
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
