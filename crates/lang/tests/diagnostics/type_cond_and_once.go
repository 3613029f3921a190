package main

import "sync"

func main() {
	var mu sync.Mutex
	c := sync.NewCond(mu)
	var once sync.Once
	once.Do(func() int { return 1 })
	c.Wait()
}
// Errors:
// main.go:7:20: cannot use mu (variable of type sync.Mutex) as sync.Locker value in argument to sync.NewCond: sync.Mutex does not implement sync.Locker (method Lock has pointer receiver)
// main.go:9:10: cannot use func() int {…} (value of type func() int) as func() value in argument to once.Do
