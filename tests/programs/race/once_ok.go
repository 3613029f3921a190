// Race: the single call of f in once.Do(f) is synchronized before every once.Do(f) returns.
package main

import (
	"fmt"
	"sync"
)

var config map[string]string
var once sync.Once

func load() {
	config = map[string]string{"mode": "fast"}
}

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(load)
			_ = config["mode"]
		}()
	}
	wg.Wait()
	fmt.Println(config["mode"])
}

// Run: race=on
// Race: none
// Output:
// fast
