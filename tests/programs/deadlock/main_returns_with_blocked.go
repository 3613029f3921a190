// Not a deadlock: goroutines blocked forever do not matter once main returns.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-ch
		}()
	}
	for runtime.NumGoroutine() < 4 {
		runtime.Gosched()
	}
	fmt.Println("blocked goroutines:", runtime.NumGoroutine()-1)
	fmt.Println("main returns")
}

// Output:
// blocked goroutines: 3
// main returns
