package main

import "fmt"

func safe() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r
		}
	}()
	panic("boom")
}

func main() {
	fmt.Println(safe())
}
// Errors:
// main.go:8:10: cannot use r (variable of type interface{}) as error value in assignment: interface{} does not implement error (missing method Error)
