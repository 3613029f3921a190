// Race: time.Sleep is not synchronization. The goroutine's write surely happened first in
// wall-clock time, but no happens-before edge orders it with main's read.
package main

import (
	"fmt"
	"time"
)

var x int
var sink int

func main() {
	go func() {
		x = 1
	}()
	time.Sleep(100 * time.Millisecond)
	sink = x
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 15 18
// Output:
// done
