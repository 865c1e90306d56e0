package com.tictactoe.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on the CDI integration of Faces (push contexts, converters and validators as beans). */
@FacesConfig
@ApplicationScoped
public class FacesConfiguration {}
