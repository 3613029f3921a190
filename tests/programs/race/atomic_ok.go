// Race: atomic operations synchronize: a store observed by a load is synchronized before it,
// so data written before the flag is visible after seeing the flag.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var data int
var flag atomic.Int32

func main() {
	go func() {
		data = 5
		flag.Store(1)
	}()
	for flag.Load() == 0 {
		runtime.Gosched()
	}
	fmt.Println(data)
}

// Run: race=on
// Race: none
// Output:
// 5
