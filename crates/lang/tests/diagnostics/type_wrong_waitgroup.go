package main

import (
	"fmt"
	"sync"
)

func work(wg sync.WaitGroup, id int) {
	defer wg.Done()
	fmt.Println(id)
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add()
		go work(&wg, i)
	}
	wg.Wait()
}
// Errors:
// main.go:16:3: not enough arguments in call to wg.Add
// 	have ()
// 	want (int)
// main.go:17:11: cannot use &wg (value of type *sync.WaitGroup) as sync.WaitGroup value in argument to work
