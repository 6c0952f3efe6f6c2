package main

import "testing"

func TestCounter(t *testing.T) {}
