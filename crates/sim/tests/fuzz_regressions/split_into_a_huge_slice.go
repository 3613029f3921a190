package main

import "strings"

func main() { s := strings.Repeat(",", 1<<23); f := strings.Split(s, ","); println(len(f)) }
