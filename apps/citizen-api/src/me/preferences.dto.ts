import { ApiProperty } from '@nestjs/swagger';
import { preferredLanguages, type PreferredLanguage } from '@redress/domain';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class PreferencesDto {
  @ApiProperty({
    enum: preferredLanguages,
    description: 'The language of pages, messages and letters: en (English) or cy (Welsh)',
  })
  preferredLanguage: PreferredLanguage;

  @ApiProperty({ description: 'Letters in both Welsh and English' })
  bilingualLetters: boolean;
}

export class SetPreferencesDto {
  @ApiProperty({ enum: preferredLanguages })
  @IsIn(preferredLanguages)
  preferredLanguage: PreferredLanguage;

  @ApiProperty({ required: false, description: 'Letters in both Welsh and English (unchanged when left out)' })
  @IsOptional()
  @IsBoolean()
  bilingualLetters?: boolean;
}
