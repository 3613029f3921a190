// Race: the goroutine writes after calling Done, so the write is not ordered with main's
// read after Wait.
package main

import (
	"fmt"
	"sync"
)

var result int
var sink int

func main() {
	var wg sync.WaitGroup
	finished := make(chan bool)
	wg.Add(1)
	go func() {
		wg.Done()
		result = 1
		finished <- true
	}()
	wg.Wait()
	sink = result
	<-finished
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 19 23
// Output:
// done
