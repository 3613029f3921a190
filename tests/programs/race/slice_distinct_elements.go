// Race: goroutines that write different elements of one slice touch different memory and
// do not race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	s := make([]int, 4)
	var wg sync.WaitGroup
	for i := range s {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s[i] = i + 10
		}()
	}
	wg.Wait()
	fmt.Println(s)
}

// Run: race=on
// Race: none
// Output:
// [10 11 12 13]
