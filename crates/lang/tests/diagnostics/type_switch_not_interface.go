package main

import "fmt"

func main() {
	x := 2
	switch x.(type) {
	case int:
		fmt.Println("int")
	}
	var e error
	switch e.(type) {
	case string:
	}
}
// Errors:
// main.go:7:9: x (variable of type int) is not an interface
// main.go:13:7: impossible type switch case: string
// 	e (variable of type error) cannot have dynamic type string (missing method Error)
