package main

import "sync"

var wg sync.WaitGroup

func main() {
	m := map[int]int{}
	wg.Add(1)
	go func() {
		defer wg.Done()
		m[0] = 0
	}()
	m[0] = 0
	wg.Wait()
}
