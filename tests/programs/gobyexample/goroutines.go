// Go by Example "Goroutines": a direct call, a goroutine, and an anonymous goroutine.
// The goroutines interleave freely, so the lines are compared as a set.
package main

import (
	"fmt"
	"sync"
)

func f(from string) {
	for i := 0; i < 3; i++ {
		fmt.Println(from, ":", i)
	}
}

func main() {
	f("direct")

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		f("goroutine")
	}()
	go func(msg string) {
		defer wg.Done()
		fmt.Println(msg)
	}("going")
	wg.Wait()
	fmt.Println("done")
}

// Unordered output:
// direct : 0
// direct : 1
// direct : 2
// done
// going
// goroutine : 0
// goroutine : 1
// goroutine : 2
