package main

import "fmt"

var x = 10

func main() {
	println("to stderr", 1, true)
	print("no newline\n")
	x := x + 1
	{
		x := "inner"
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := 3; x > 2 {
		fmt.Println(x)
	}
	var err error
	for i := 0; i < 1; i++ {
		_, err = fmt.Println(i)
	}
	_ = err
	type local struct{ a int }
	l := local{1}
	fmt.Printf("%+v %T %v\n", l, l, &l != nil)
}
