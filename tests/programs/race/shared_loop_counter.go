// Race: a counter declared outside the loop is still shared: the goroutines read it while
// the loop keeps writing it.
package main

import (
	"fmt"
	"sync"
)

var sink int

func main() {
	var wg sync.WaitGroup
	n := 0
	for n < 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sink = n
		}()
		n++
	}
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 19 19
// Race: 19 21
// Output:
// done
