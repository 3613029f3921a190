// Race: the data is written after the atomic flag is set, so seeing the flag says nothing
// about the data.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var data int
var sink int
var flag atomic.Int32

func main() {
	finished := make(chan bool)
	go func() {
		flag.Store(1)
		data = 5
		finished <- true
	}()
	for flag.Load() == 0 {
		runtime.Gosched()
	}
	sink = data
	<-finished
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 19 25
// Output:
// done
