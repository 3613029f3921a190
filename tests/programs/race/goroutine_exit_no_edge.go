// Race: a goroutine's exit is not synchronized with anything. Main sees it gone (through
// NumGoroutine) but its write is still unordered with main's read.
package main

import (
	"fmt"
	"runtime"
)

var x int
var sink int

func main() {
	go func() {
		x = 1
	}()
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	sink = x
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 15 20
// Output:
// done
