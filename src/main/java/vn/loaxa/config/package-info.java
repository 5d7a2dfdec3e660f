/** Settings shared by every module: directories and the commune's time zone. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.loaxa.config;
